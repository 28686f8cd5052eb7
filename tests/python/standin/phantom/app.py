"""Status values, as the platform's `phantom.app` defines them."""

APP_SUCCESS = True
APP_ERROR = False
