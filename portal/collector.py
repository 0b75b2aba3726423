"""Python's cycle collector paused while one big piece of work runs, and started again after.

Work that builds tens of thousands of objects and keeps them to its end (an export's rows and cells)
sets the collector off again and again, and each full run walks every object of the process, all of
Django and Wagtail included, while finding almost nothing to free: what such work makes is freed by
reference counting when it is done. Whatever cycles it leaves are collected at the collector's next run
once it is started again.
"""

import contextlib
import gc


@contextlib.contextmanager
def collector_paused():
    """The collector off for the block, unless it was already off (then left as it was)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
