"""Keep Wagtail's default Site record (hostname and port) equal to SITE_BASE_URL, so the CMS's page links
and previews point where the portal is really served. `make migrate` and `make run` run it; it is safe to
rerun and changes nothing when they already agree."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Site


class Command(BaseCommand):
    help = "Set the default Wagtail Site's hostname and port from SITE_BASE_URL."

    def handle(self, *args, **options):
        url = urlsplit(settings.SITE_BASE_URL)
        hostname = url.hostname or "localhost"
        port = url.port or (443 if url.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            self.stdout.write("No default site yet: run the migrations first.")
            return
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save(update_fields=["hostname", "port"])
            self.stdout.write(f"The site now answers on {hostname}:{port}.")
        else:
            self.stdout.write(f"The site already answers on {hostname}:{port}.")
