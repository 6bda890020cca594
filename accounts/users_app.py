from wagtail.users.apps import WagtailUsersAppConfig


class PortalUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user management, with the limits that keep moderators from granting more than their roles."""

    user_viewset = "accounts.user_admin.PortalUserViewSet"
