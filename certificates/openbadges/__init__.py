"""Open Badges 3.0 credentials signed offline with a Data Integrity proof (eddsa-rdfc-2022).

Pure functions, no Django: contexts and schema ship with the code, so signing, verifying and
validating never touch the network. The Django side builds credential content on top of this.
"""
