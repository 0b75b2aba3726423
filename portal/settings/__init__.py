"""Settings: `base` holds everything, read from the environment; `dev`, `test` and `production` adjust it."""
