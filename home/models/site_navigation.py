from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="list-ul")
class SiteNavigation(ClusterableModel, BaseSiteSetting):
    """Which pages the footer links to, for each site; they leave the main menu.

    Finnish public services link the privacy notice, the accessibility statement and the page about the
    service from the footer of every page. The editor names the pages here, in any language: each visitor
    gets the version in their own language.
    """

    panels = [InlinePanel("footer_links", heading=_("Footer links"), label=_("Footer link"))]

    class Meta:
        verbose_name = _("Navigation")
        verbose_name_plural = _("Navigation")


class FooterLink(Orderable):
    navigation = ParentalKey(SiteNavigation, on_delete=models.CASCADE, related_name="footer_links")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Shown in the footer, not in the main menu, in the visitor's language."),
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("Footer link")
        verbose_name_plural = _("Footer links")
