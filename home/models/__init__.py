from .content_page import ContentPage
from .home_page import HomePage
from .site_navigation import FooterLink, SiteNavigation

__all__ = ["ContentPage", "FooterLink", "HomePage", "SiteNavigation"]
