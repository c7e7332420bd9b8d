#include "models/ChatListFilterModel.h"
