from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content, factories and the load_demo and ensure_admin commands: development and tests only.

    Installed by portal.settings.dev and portal.settings.test (and the benchmark's settings), never in
    production, whose image lacks the factory libraries it needs.
    """

    name = "demo"
    verbose_name = "Demo content"
