#include "models/ChatQuery.h"
