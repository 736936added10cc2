from . import linkedin_match_wizard
from . import linkedin_match_wizard_line
