"""Placeholder, replaced by the Profile Widget stand-in."""


class Widget:
    def __init__(self, app):
        self.app = app

    def serves(self, path):
        return False

    def api_route(self, path):
        return None

    def admin_routes(self):
        return {}
