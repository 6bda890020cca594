"""A moderator merges a duplicate into the item it repeats, from the editor's warning, and a visitor
following the duplicate's old address lands on the remaining item."""

from playwright.sync_api import expect

from methodbank.models import MethodBankPage, ModelPage

from .conftest import new_page, sign_in


def test_a_moderator_merges_a_duplicate_and_its_address_redirects(page, browser, portal):
    original = ModelPage.objects.filter(locale__language_code="fi", live=True).order_by("pk").first()
    duplicate = original.copy(
        update_attrs={"title": original.title, "slug": f"{original.slug}-kaksoiskappale"}, keep_live=True
    )
    old_url = duplicate.url

    sign_in(page, "moderator")
    page.goto(f"/admin/pages/{duplicate.pk}/edit/")
    page.get_by_role("link", name=f"Merge this item into “{original.title}”…").click()
    expect(page.get_by_label("The item that remains")).to_have_value(str(original.pk))
    page.get_by_role("button", name="Show what moves").click()
    expect(page.get_by_role("heading", name=f"Merge “{duplicate.title}” into “{original.title}”?")).to_be_visible()
    page.get_by_role("button", name="Merge the items").click()
    expect(page.get_by_text(f"“{duplicate.title}” is merged into “{original.title}”")).to_be_visible()
    assert not MethodBankPage.objects.get(pk=duplicate.pk).live

    visitor = new_page(browser, portal)
    try:
        response = visitor.goto(old_url)
        assert response.request.redirected_from.url.endswith(old_url)
        assert visitor.url.endswith(original.url)
        expect(visitor.get_by_role("heading", level=1)).to_have_text(original.title)
    finally:
        visitor.context.close()
