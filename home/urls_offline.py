"""URLs of the installable web app (`home.offline`).

`root_patterns` are outside the language prefixes: the service worker must be at the root
for its scope to be the whole site. `language_patterns` go inside `i18n_patterns`.
"""

from django.urls import path

from home import offline

root_patterns = [
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("sw.js", offline.service_worker, name="service_worker"),
]

language_patterns = [
    path("offline/", offline.offline_page, name="offline"),
    path("learn/modules/<int:module_id>/offline/", offline.module_offline, name="module_offline"),
    path("learn/courses/<int:course_id>/offline/", offline.course_offline, name="course_offline"),
]
