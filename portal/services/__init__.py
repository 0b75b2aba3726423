"""Writes to the partnership core (the HackSoftware 'services' layer): views and commands call these."""
