from oscar.apps.checkout.models import *  # noqa: E402, F403
