"""The firm's desk: the queue of orders and bookings awaiting declaration, declarations by state."""

from django.core.paginator import Paginator
from django.shortcuts import render

from marketplace.customs import selectors
from marketplace.customs.models import DeclarationStatus, Route, TradeMode
from marketplace.customs.views.common import require_filer_role


@require_filer_role
def desk(request):
    status = request.GET.get("status", "")
    mode = request.GET.get("mode", "")
    route = request.GET.get("route", "")
    text = request.GET.get("q", "").strip()
    declarations = selectors.declarations_for_desk(
        user=request.user, status=status, mode=mode, route=route, text=text
    )
    page = Paginator(declarations, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "customs/desk.html",
        {
            "page_obj": page,
            "orders": selectors.orders_awaiting_declaration(user=request.user)
            .select_related(None)
            .only("number", "date_placed", "currency", "total_incl_tax", "status")[:20],
            "bookings": selectors.bookings_awaiting_declaration(user=request.user)[:20],
            "counts": selectors.state_counts(user=request.user),
            "statuses": DeclarationStatus,
            "modes": TradeMode,
            "routes": Route,
            "filters": {"status": status, "mode": mode, "route": route, "q": text},
            "query": query.urlencode(),
        },
    )


# Line problems shown under the line's summary rather than next to a form field.
