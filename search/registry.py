"""What search reads from the apps above it, registered by those apps: search imports none of them.

The method bank registers (in its ``AppConfig.ready``)

- its vocabularies: for each facet name (``theme``, ``target_group``, ``region``,
  ``funding``, ``keyword``) the translatable term model, with ``code``, ``name``
  and ``word_forms`` (one word form or synonym per line, per language), so that
  a query naming a term finds the items tagged with it (``search.term_names``);
- a function that gives the projects of listed items, so that a result shows
  its project in the visitor's language.
"""

vocabularies = {}
_projects = []


def register_vocabulary(facet, model):
    vocabularies[facet] = model


def register_projects(function):
    """``function(pages)`` returns ``{page pk: [project pages]}`` for the items among ``pages``."""
    _projects.append(function)


def projects_of(pages):
    projects = {}
    for function in _projects:
        for pk, found in function(pages).items():
            projects.setdefault(pk, []).extend(found)
    return projects
