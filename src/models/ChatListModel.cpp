#include "models/ChatListModel.h"
