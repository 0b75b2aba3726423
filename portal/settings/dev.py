"""Development: DEBUG on unless the environment says otherwise; mail printed to the console."""

from .base import *  # noqa: F401,F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
