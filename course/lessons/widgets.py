from markdownx.widgets import MarkdownxWidget


class AdminMarkdownxWidget(MarkdownxWidget):
    """markdownx's editor plus a script that also starts it inside StreamField blocks.

    markdownx initialises editors only on page load; blocks that Wagtail renders
    or adds later need `markdownx-streamfield.js`.
    """

    class Media:
        css = {"all": ["course/admin/markdownx-editor.css"]}
        js = ["course/admin/markdownx-streamfield.js"]
