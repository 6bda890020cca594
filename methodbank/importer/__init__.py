"""Reading the seed documents into plain records; the management command turns them into pages.

- `report_parser.parse_report(path_or_text)` reads the Zoomi report: themes from its contents, models and good
  practices from the theme sections, projects from the appendix tables. Every problem it meets is listed with
  its line number in `Report.problems`; it does not raise on damaged input.
- `project_page_parser.parse_project_page(path_or_text)` reads the facts of a project's own page.
- `project_matching.ProjectMatcher` links a project name as written to a `ProjectRecord`, only when sure.
- `language.detect_language(text)` tells Finnish, Swedish and English apart.

Records carry a stable `key` (a slug of the title or name) so that an import can be run again without
creating duplicates.
"""
