"""Certificates' pages: public verification and the owner's downloads (`verification`), the
Open Badges documents (`credentials`), and name corrections (`corrections`)."""
