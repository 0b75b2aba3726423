"""The shared-cache generation of the public directory and feed (see portal.shared_cache).

Retired by the receivers in home/signals.py whenever what the public reads are made of changes.
"""

from portal.shared_cache import Generation

DIRECTORY = Generation("directory")
