"""One answer per question within one read: a selector marked `@remembered` is computed once per arguments
inside `one_read()`, and as usual outside it.

Why: the overview, a board pack and a locality's report each ask several features for figures, and those
features ask the same expensive selectors (the case-file quarterly report, the commitments city view) for
the same year more than once; at 100,000 audits each answer costs seconds. Within one read the database is
taken to stand still, so the first answer serves the rest. Nothing outlives the block (a context variable,
so one request's or thread's answers are never another's), so no change to the data is ever missed by a
later page. Callers must treat a remembered answer as read-only: it is shared within the block.
"""

import contextvars
import functools
import inspect
from contextlib import contextmanager

_answers = contextvars.ContextVar("remembered_answers", default=None)


@contextmanager
def one_read():
    """Remember `@remembered` answers until the block ends (nested blocks share the outer one's)."""
    if _answers.get() is not None:
        yield
        return
    token = _answers.set({})
    try:
        yield
    finally:
        _answers.reset(token)


def remembered(func):
    signature = inspect.signature(func)

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        answers = _answers.get()
        if answers is None:
            return func(*args, **kwargs)
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()  # f(2026) and f(2026, locality=None) are the same question
        key = (func.__module__, func.__qualname__, tuple(bound.arguments.items()))
        try:
            if key in answers:
                return answers[key]
        except TypeError:  # an argument that cannot be a key (a list, a dict): not remembered
            return func(*args, **kwargs)
        answers[key] = func(*args, **kwargs)
        return answers[key]

    return wrapper
