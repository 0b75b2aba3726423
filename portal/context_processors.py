from django.conf import settings


def portal(request):
    return {"PARTNERSHIP_NAME": settings.PARTNERSHIP_NAME}
