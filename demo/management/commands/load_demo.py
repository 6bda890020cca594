from django.core.management import BaseCommand, call_command

from demo.adoptions import ensure_adoptions
from demo.content import load_method_bank, load_site


class Command(BaseCommand):
    help = "Create or refresh the demo site and method bank in Finnish, Swedish and English."

    def handle(self, *args, **options):
        home = load_site()
        index = load_method_bank(home)
        self.stdout.write(
            self.style.SUCCESS(
                f"Site ready: {home.title} in {home.get_translations(inclusive=True).count()} languages."
            )
        )
        self.stdout.write(f"Method bank ready: {index.get_children().count()} items in Finnish.")
        self.stdout.write(f"Demo adoptions added: {ensure_adoptions()}.")
        call_command("update_index", verbosity=0)
        self.stdout.write("Search index rebuilt.")
