"""Requests for quotation, quotes and negotiation threads (the RFQ issue builds this app)."""
