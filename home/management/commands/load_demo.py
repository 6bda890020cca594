from django.core.management import BaseCommand, call_command

from home.demo import load_site


class Command(BaseCommand):
    help = "Create or refresh the demo site: locales, home pages and content in Finnish, Swedish and English."

    def handle(self, *args, **options):
        home = load_site()
        self.stdout.write(
            self.style.SUCCESS(
                f"Site ready: {home.title} in {home.get_translations(inclusive=True).count()} languages."
            )
        )
        call_command("update_index", verbosity=0)
        self.stdout.write("Search index rebuilt.")
