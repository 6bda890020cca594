from accounts.tests.fixtures import homes, index, login, users

__all__ = ["homes", "index", "login", "users"]
