#include "models/ModelConfigModel.h"
