"""Demo content and demo accounts for a local installation (`manage.py seed_demo`).

Installed by the development and test settings only: production never has these pages or
accounts, whose passwords are public.
"""
