class ProgressBar:
    """A one-line progress bar for a terminal; commands show it only when output is a TTY."""

    WIDTH = 30

    def __init__(self, stream):
        self.stream = stream

    def __call__(self, done, total):
        filled = self.WIDTH * done // max(total, 1)
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{total}", ending="")
        self.stream.flush()

    def finish(self):
        self.stream.write("")
