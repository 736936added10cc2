from . import hr_applicant
from . import linkedin_activity
from . import linkedin_seat
from . import linkedin_sync_run
from . import mail_message
from . import res_company
from . import res_config_settings
from . import res_users
