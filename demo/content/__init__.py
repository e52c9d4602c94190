"""Demo content for a new installation: audiences, three courses (one per crisis phase),
and the home page text. Plain data; `manage.py seed_demo` turns it into pages.

The course texts are written for Crisis Ready in plain language; facts follow public good
practice on protecting migrants in countries experiencing conflict or natural disaster.
"""

from . import post_crisis, preparedness, response

AUDIENCES = [
    ("first-responders", "First responders", "Police, fire, ambulance and civil protection staff."),
    ("consular-staff", "Consular staff", "Embassy and consulate staff who assist their nationals."),
    ("local-authorities", "Local authorities", "Municipal and regional officials and planners."),
    ("civil-society", "Civil society", "NGOs, community groups, faith groups and volunteers."),
    ("employers", "Employers", "Companies and recruiters who employ migrant workers."),
    (
        "international-organisations",
        "International organisations",
        "Staff of UN agencies and other international bodies.",
    ),
]

HOME = {
    "heading": "Be ready to protect everyone in a crisis",
    "intro": (
        "<p>When war, a flood or an earthquake hits a country, migrants are often the last to "
        "hear the warning and the first to be left behind. Language, fear of the authorities "
        "and lost papers all stand in the way.</p>"
        "<p>These short courses help first responders, officials and community workers plan "
        "ahead, respond well and support recovery, for everyone who lives in the country.</p>"
    ),
}

COURSES = [preparedness.COURSE, response.COURSE, post_crisis.COURSE]
