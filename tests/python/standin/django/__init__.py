"""A stand-in for the parts of Django the platform's web process hands a REST handler: the
request it passes (`django.http.HttpRequest`) and the response it takes back
(`django.http.HttpResponse`). Only what the bundle's REST module touches is here."""
