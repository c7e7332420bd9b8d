#include "models/MessageListModel.h"
