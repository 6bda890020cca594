from .content_page import ContentPage
from .home_page import HomePage

__all__ = ["ContentPage", "HomePage"]
