from . import hr_applicant
from . import linkedin_seat
from . import res_company
from . import res_config_settings
from . import res_users
