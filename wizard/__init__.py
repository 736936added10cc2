from . import hr_applicant_merge
from . import linkedin_disconnect_wizard
from . import linkedin_match_wizard
from . import linkedin_match_wizard_line
