import secrets

from django.contrib.auth import get_user_model
from django.core.management import BaseCommand


class Command(BaseCommand):
    help = "Create the demo superuser with a generated password, printed once. Does nothing if it exists."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Admin user '{username}' already exists; its password was printed when it was created. "
                f"To set a new one: python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email=f"{username}@example.invalid", password=password)
        self.stdout.write(self.style.SUCCESS("Admin user created for http://127.0.0.1:8000/admin/"))
        self.stdout.write(f"  user name: {username}")
        self.stdout.write(f"  password:  {password}")
