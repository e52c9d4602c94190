"""The workshop pages: facilitators' (my workshops, roll call, QR screen, sign-in sheets,
offline sync) and participants' (QR check-in). Each module translates HTTP into calls to
`blended.roll_call`, `blended.attendance`, `blended.check_in`, `blended.sign_in_sheet`,
`blended.offline_sync` and `blended.rules`; `blended.urls` routes to them."""
