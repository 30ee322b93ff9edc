from oscar.apps.order.models import *  # noqa: E402, F403
