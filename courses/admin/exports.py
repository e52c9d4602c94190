"""What the admin's CSV exports share: learner-typed text made safe for spreadsheets."""


def neutralise_formula(value):
    """Stop spreadsheet programs running learner-typed text such as `=HYPERLINK(...)`."""
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@", "\t", "\r")):
        return "'" + value
    return value
