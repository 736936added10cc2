from . import test_applicant_fields
from . import test_connect
from . import test_connection
from . import test_settings
from . import test_tour_connect
from . import test_tour_settings
