"""Existing sites keep their footer: the about page, the privacy notice and the accessibility statement.

Before the navigation setting the footer picked these pages by slug and the main menu listed them too. This
names the pages in each site's new setting once, from the slugs they were created with; from now on editors
choose the footer pages in Settings → Navigation, whatever the slugs become.
"""

from django.db import migrations

FOOTER_SLUGS = ("tietoa", "tietosuojaseloste", "saavutettavuusseloste")


def name_footer_pages(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    Page = apps.get_model("wagtailcore", "Page")
    SiteNavigation = apps.get_model("home", "SiteNavigation")
    FooterLink = apps.get_model("home", "FooterLink")
    for site in Site.objects.select_related("root_page"):
        navigation, _created = SiteNavigation.objects.get_or_create(site=site)
        if FooterLink.objects.filter(navigation=navigation).exists():
            continue
        root = site.root_page
        children = Page.objects.filter(path__startswith=root.path, depth=root.depth + 1, slug__in=FOOTER_SLUGS)
        by_slug = {page.slug: page for page in children}
        for order, slug in enumerate(slug for slug in FOOTER_SLUGS if slug in by_slug):
            FooterLink.objects.create(navigation=navigation, page=by_slug[slug], sort_order=order)


class Migration(migrations.Migration):
    dependencies = [("home", "0003_site_navigation_footer_links")]

    operations = [migrations.RunPython(name_footer_pages, migrations.RunPython.noop)]
