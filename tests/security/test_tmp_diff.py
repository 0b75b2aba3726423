import difflib
from tests.security.test_url_sweep import world, _client, _dashboard  # noqa
from tests.security import url_sweep

def test_diff(world):
    role = "agency_lead"
    a = world.dashboards_before[role]; b = _dashboard(world.users[role])
    print("\n".join(list(difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm=""))[:60]))
