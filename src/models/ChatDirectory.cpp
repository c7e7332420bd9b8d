#include "models/ChatDirectory.h"
