from accounts.tests.fixtures import homes, index, login, swedish_index, users

__all__ = ["homes", "index", "login", "swedish_index", "users"]
