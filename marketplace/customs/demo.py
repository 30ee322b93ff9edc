"""Demo data for this app (placeholder until the app is built)."""


def load(**kwargs) -> None:
    return None
