from .. import compat
from . import linkedin_person_mixin
from . import hr_applicant
from . import linkedin_activity
from . import linkedin_backend
from . import linkedin_contract
from . import linkedin_seat
from . import linkedin_sync_run
from . import mail_message
from . import res_company
from . import res_config_settings
from . import res_users

if compat.PERSON_MODEL == "hr.candidate":
    from . import hr_candidate
