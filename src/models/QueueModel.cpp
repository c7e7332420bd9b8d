#include "models/QueueModel.h"
